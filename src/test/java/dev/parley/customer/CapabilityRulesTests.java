package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.common.AddressKind;
import dev.parley.common.Medium;

class CapabilityRulesTests {

	static List<String> fields(Capabilities c) {
		return ProfileRulesTests.fields(() -> CapabilityRules.validate(c));
	}

	static Capabilities of(Medium preferred, Capability... entries) {
		return new Capabilities(List.of(entries), preferred, 0L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+41446681800", "+1 (212) 555-0100", "+49 30 1234.5678", "+12345678" })
	void acceptsE164NumbersAfterRemovingSeparators(String phone) {
		assertThat(CapabilityRules.isE164(CapabilityRules.normalizePhone(phone))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+44 (0) 7700-900123", "+44(0)7700 900123", "+44 (0)7700.900.123", "+44 (07700) 900123",
			"+447700900123", " +44 7700 900123 " })
	void dropsTheTrunkPrefixWrittenInBracketsAfterTheCountryCode(String phone) {
		assertThat(CapabilityRules.normalizePhone(phone)).isEqualTo("+447700900123");
		assertThat(fields(of(null, new Capability(AddressKind.PHONE, phone, true)))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+44 7700 (0) 900123", "+44 (0 7700 900123", "+44 7700) 900123", "0044 7700 900123",
			"+44 (0) (0) 7700 900123", "+44 (+0) 7700 900123", "+44 7700 900123 ext. 5" })
	void refusesABracketOrTrunkPrefixAnywhereElse(String phone) {
		assertThat(fields(of(null, new Capability(AddressKind.PHONE, phone, true))))
			.containsExactly("capabilities[0].address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0446681800", "+0446681800", "+1234567", "+1234567890123456", "+41 44 abc", "41446681800" })
	void refusesWhatIsNotE164(String phone) {
		assertThat(CapabilityRules.isE164(CapabilityRules.normalizePhone(phone))).isFalse();
	}

	@Test
	void normalizesPhonesAndKeepsOrder() {
		var valid = CapabilityRules.validate(of(Medium.VOICE, new Capability(AddressKind.PHONE, " +41 44-668 18 00 ", true),
				new Capability(AddressKind.VIDEO, null, true)));
		assertThat(valid.capabilities()).extracting(Capability::address).containsExactly("+41446681800", null);
	}

	@Test
	void checksSipUrisAndEmailAddresses() {
		assertThat(fields(of(null, new Capability(AddressKind.SIP, "sips:ann@pbx.example.com:5061", true),
				new Capability(AddressKind.EMAIL, "ann+x@mail.example.co.uk", true)))).isEmpty();
		assertThat(fields(of(null, new Capability(AddressKind.SIP, "ann@example.com", true),
				new Capability(AddressKind.SIP, "sip:@example.com", true), new Capability(AddressKind.EMAIL, "ann@localhost", true))))
			.containsExactly("capabilities[0].address", "capabilities[1].address", "capabilities[2].address");
	}

	@Test
	void needsAnAddressOnlyForPhoneSipAndEmail() {
		assertThat(fields(of(null, new Capability(AddressKind.CHAT, null, true), new Capability(AddressKind.PHONE, "", true),
				new Capability(null, "x", true)))).containsExactly("capabilities[1].address", "capabilities[2].kind");
	}

	@Test
	void thePreferredMediumMustBeEnabled() {
		assertThat(fields(of(Medium.CHAT, new Capability(AddressKind.CHAT, null, false)))).containsExactly("preferredMedium");
		assertThat(fields(of(Medium.EMAIL, new Capability(AddressKind.CHAT, null, true)))).containsExactly("preferredMedium");
		assertThat(fields(of(Medium.CHAT, new Capability(AddressKind.CHAT, null, true)))).isEmpty();
	}

	@Test
	void holdsAtMostTenEntries() {
		var many = new ArrayList<Capability>();
		for (int i = 0; i < 11; i++) {
			many.add(new Capability(AddressKind.CHAT, null, true));
		}
		assertThat(fields(new Capabilities(many, null, 0L))).containsExactly("capabilities");
	}
}
