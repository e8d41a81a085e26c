package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo dataset loads on an empty embedded database, with everything the README promises. */
@SpringBootTest(properties = "parley.demo.enabled=true")
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void seedsStaffAndACatalogOfThirtyProductsInSixCategories() {
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username IN ('supervisor', 'admin')")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM categories")).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(30);
		assertThat(count("SELECT COUNT(*) FROM product_specifications")).isGreaterThanOrEqualTo(60);
	}

	@Test
	void seedsTwentyCustomersWithProfilesAndTenAgentsInThreeGroups() {
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE role = 'CUSTOMER'")).isEqualTo(20);
		assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(20);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username IN ('alice', 'bob')")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE role = 'AGENT'")).isEqualTo(10);
		assertThat(count("SELECT COUNT(DISTINCT group_key) FROM agents")).isEqualTo(3);
	}

	@Test
	void seedsOrdersInEveryStatusAndAHistoryOverSeveralProductsAgentsAndMedia() {
		assertThat(jdbc.sql("SELECT DISTINCT status FROM orders").query(String.class).list())
			.containsExactlyInAnyOrder("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED");
		assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM orders")).isEqualTo(20);
		assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM interaction_records")).isEqualTo(20);
		assertThat(count("SELECT COUNT(DISTINCT product_id) FROM interaction_records")).isGreaterThan(5);
		assertThat(count("SELECT COUNT(DISTINCT agent_id) FROM interaction_records")).isGreaterThan(5);
		assertThat(count("SELECT COUNT(DISTINCT medium) FROM interaction_records")).isEqualTo(4);
	}
}
