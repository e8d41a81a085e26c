package dev.parley.identity;

/** What an account may do. Each role has its own home in the pages. */
public enum Role {
	CUSTOMER, AGENT, SUPERVISOR, ADMIN;

	public boolean isStaff() {
		return this != CUSTOMER;
	}
}
