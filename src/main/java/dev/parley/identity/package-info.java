/**
 * Identity: accounts with roles, password credentials, API tokens, and the audit trail of
 * changes to center data. Other modules create accounts through {@link dev.parley.identity.IdentityManagement}
 * and write audit entries through {@link dev.parley.identity.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package dev.parley.identity;
