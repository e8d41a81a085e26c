package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.customer.AttributeManagement;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.common.AddressKind;
import dev.parley.identity.IdentityManagement;

@SpringBootTest
class CustomerSeederTests {

	@Autowired
	CustomerSeeder seeder;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AttributeManagement attributes;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Test
	void seedsTwentyCustomersWithEverySectionFilledThroughTheServices() {
		catalog.addCategory(new Category("seed-phones", "Phones", "Phones", 1));
		var dataset = new DemoDataset();
		dataset.categoryKeys.add("seed-phones");

		seeder.seed(dataset);

		assertThat(dataset.customers).hasSize(20);
		assertThat(dataset.signIns).hasSize(20).allMatch(s -> s.role().equals("customer"));
		assertThat(attributes.list()).extracting(d -> d.key()).contains("loyalty_tier", "company");
		var alice = identity.credentials("alice").orElseThrow().account();
		var profile = customers.profile(new CustomerId(alice.id().value()));
		assertThat(profile.demographics().timeZone()).isEqualTo("Europe/London");
		assertThat(profile.demographics().attributes()).containsKey("loyalty_tier");
		assertThat(profile.capabilities().capabilities()).extracting(c -> c.kind()).contains(AddressKind.EMAIL, AddressKind.PHONE);
		assertThat(profile.agenda().windows()).isNotEmpty();
		assertThat(profile.interests().interests()).isNotEmpty();
	}
}
