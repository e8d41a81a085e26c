/**
 * Catalog: product categories and products (description, specifications, documentation links).
 * Read by customers; written by administrators and the demo data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package dev.parley.catalog;
