package dev.parley.demo;

/**
 * One part of the demo data. Seeders run in ascending {@link #order()} inside one transaction and
 * share a {@link DemoDataset} through which later parts find what earlier parts made.
 * Orders: 10 identity (staff), 20 catalog, 30 agents, 35 queues, 40 customers, 50 orders, 60 history, 70 presence.
 */
public interface DemoSeeder {

	int order();

	void seed(DemoDataset dataset);
}
