/**
 * Demo data: on an empty embedded database, seeds a company's worth of data through the modules'
 * own services (so the demo obeys the same rules as real use). Never runs on PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule
package dev.parley.demo;
