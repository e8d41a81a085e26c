package dev.parley.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;

/** Six categories of a consumer-electronics retailer and 30 products with specifications and manuals. */
@Component
class CatalogSeeder implements DemoSeeder {

	private static final String DOCS = "https://docs.example.com/parley-demo/";

	private final Catalog catalog;

	CatalogSeeder(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void seed(DemoDataset dataset) {
		int sort = 0;
		for (var c : CATEGORIES) {
			catalog.addCategory(new Category(c.key, c.name, c.description, sort++));
			dataset.categoryKeys.add(c.key);
			for (var p : c.products) {
				var product = new Product(ProductId.random(), p.sku, p.name, c.key, p.description, p.priceCents, "EUR",
						true, specifications(p.specs), List.of(new Product.Document("User manual", DOCS + p.sku + "/manual"),
								new Product.Document("Quick start", DOCS + p.sku + "/quick-start")));
				catalog.addProduct(product);
				dataset.products.add(new DemoDataset.SeededProduct(product.id().value(), p.name, c.key, p.priceCents));
			}
		}
	}

	private static List<Product.Specification> specifications(String specs) {
		return java.util.Arrays.stream(specs.split(";"))
			.map(s -> s.split("=", 2))
			.map(kv -> new Product.Specification(kv[0].trim(), kv[1].trim()))
			.toList();
	}

	private record Item(String sku, String name, long priceCents, String description, String specs) {
	}

	private record Cat(String key, String name, String description, List<Item> products) {
	}

	private static final List<Cat> CATEGORIES = List.of(
			new Cat("phones", "Phones", "Smartphones and feature phones", List.of(
					new Item("PH-100", "Aurora 5G", 49900, "A 6.1-inch 5G smartphone with a two-day battery.",
							"Display=6.1 in OLED; Storage=128 GB; Battery=4,500 mAh; Colour=Graphite"),
					new Item("PH-110", "Aurora 5G Pro", 79900, "The Aurora with a triple camera and 256 GB.",
							"Display=6.7 in OLED 120 Hz; Storage=256 GB; Camera=50 + 12 + 10 MP; Battery=5,000 mAh"),
					new Item("PH-200", "Pebble Mini", 29900, "A compact phone that fits any pocket.",
							"Display=5.4 in LCD; Storage=64 GB; Battery=3,000 mAh"),
					new Item("PH-300", "Senior Flip", 8900, "A flip phone with big keys and an emergency button.",
							"Display=2.8 in; Keys=Large, backlit; Emergency button=Yes"),
					new Item("PH-400", "Rugged X", 39900, "Water and dust proof (IP68), drop tested to 1.8 m.",
							"Protection=IP68, MIL-STD-810H; Battery=6,000 mAh; Storage=128 GB"))),
			new Cat("computers", "Computers", "Laptops, desktops and tablets", List.of(
					new Item("CO-100", "Studio Laptop 14", 119900, "A 14-inch laptop for work and study.",
							"Processor=8 cores; Memory=16 GB; Storage=512 GB SSD; Weight=1.3 kg"),
					new Item("CO-110", "Studio Laptop 16", 159900, "A 16-inch laptop with a dedicated graphics card.",
							"Processor=12 cores; Memory=32 GB; Storage=1 TB SSD; Weight=2.1 kg"),
					new Item("CO-200", "Tower One", 99900, "A quiet desktop computer for the home office.",
							"Processor=8 cores; Memory=16 GB; Storage=1 TB SSD; Ports=USB-C x4, HDMI x2"),
					new Item("CO-300", "Slate 11 Tablet", 44900, "An 11-inch tablet with pen support.",
							"Display=11 in; Storage=128 GB; Pen=Supported"),
					new Item("CO-310", "Slate 13 Tablet", 69900, "A 13-inch tablet with keyboard cover.",
							"Display=13 in; Storage=256 GB; Keyboard=Included"))),
			new Cat("audio", "Audio", "Headphones, speakers and sound bars", List.of(
					new Item("AU-100", "Hush ANC Headphones", 24900, "Over-ear headphones with noise cancelling.",
							"Type=Over-ear; Noise cancelling=Active; Battery=30 h"),
					new Item("AU-110", "Hush Buds", 14900, "True wireless earbuds with charging case.",
							"Type=In-ear; Battery=8 h + 24 h case; Water resistance=IPX4"),
					new Item("AU-200", "Room Speaker", 19900, "A smart speaker for every room.",
							"Drivers=2; Connectivity=Wi-Fi, Bluetooth; Voice assistant=Yes"),
					new Item("AU-300", "Cinema Sound Bar", 39900, "A sound bar with wireless subwoofer.",
							"Channels=5.1; Power=400 W; Inputs=HDMI eARC, optical"),
					new Item("AU-400", "Trail Speaker", 9900, "A rugged portable speaker.",
							"Battery=20 h; Protection=IP67; Weight=0.6 kg"))),
			new Cat("home", "Smart home", "Thermostats, cameras and lighting", List.of(
					new Item("HO-100", "Comfort Thermostat", 17900, "A learning thermostat that saves energy.",
							"Compatibility=Most boilers and heat pumps; Display=Round colour; App=Yes"),
					new Item("HO-200", "Doorbell Cam", 12900, "A video doorbell with two-way talk.",
							"Resolution=2K; Field of view=160 degrees; Power=Battery or wired"),
					new Item("HO-210", "Indoor Cam", 5900, "A small indoor security camera.",
							"Resolution=1080p; Night vision=Yes; Storage=Local and cloud"),
					new Item("HO-300", "Glow Starter Kit", 8900, "Three colour bulbs and a bridge.",
							"Bulbs=3 x E27; Colours=16 million; Bridge=Included"),
					new Item("HO-400", "Smart Plug (2-pack)", 3900, "Switch any device from the app.",
							"Max load=3,680 W; Energy monitoring=Yes"))),
			new Cat("tv", "TV and video", "Televisions, projectors and streaming", List.of(
					new Item("TV-100", "Vista 55 4K", 69900, "A 55-inch 4K television.",
							"Size=55 in; Resolution=3840 x 2160; HDR=HDR10, HLG"),
					new Item("TV-110", "Vista 65 OLED", 179900, "A 65-inch OLED television.",
							"Size=65 in; Panel=OLED; Refresh rate=120 Hz"),
					new Item("TV-200", "Beam Projector", 89900, "A short-throw 4K projector.",
							"Brightness=2,500 lumen; Throw=Short; Resolution=4K"),
					new Item("TV-300", "Stream Stick", 4900, "A streaming stick with voice remote.",
							"Resolution=4K; Remote=Voice; Wi-Fi=6"),
					new Item("TV-400", "Wall Mount Pro", 7900, "A full-motion wall mount for 43 to 75 inch TVs.",
							"Sizes=43-75 in; Max weight=45 kg; Motion=Tilt and swivel"))),
			new Cat("services", "Services and plans", "Mobile plans, protection and installation", List.of(
					new Item("SV-100", "Mobile Plan 20 GB", 1900, "A monthly mobile plan with 20 GB of data.",
							"Data=20 GB per month; Calls=Unlimited; Term=Monthly"),
					new Item("SV-110", "Mobile Plan Unlimited", 3900, "A monthly plan with unlimited data.",
							"Data=Unlimited; Calls=Unlimited; Roaming=EU included"),
					new Item("SV-200", "Device Protection", 7900, "Two years of cover against damage and theft.",
							"Term=24 months; Cover=Accidental damage, theft; Excess=EUR 49"),
					new Item("SV-300", "Home Installation", 9900, "A technician installs and sets up your devices.",
							"Duration=Up to 3 h; Included=Mounting, setup, walkthrough"),
					new Item("SV-400", "Fibre 500", 4500, "Home broadband at 500 Mbit/s.",
							"Download=500 Mbit/s; Upload=100 Mbit/s; Router=Included"))));
}
