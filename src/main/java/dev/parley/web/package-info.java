/**
 * Edge module: server-rendered pages (Thymeleaf and htmx) for customers, agents, supervisors and
 * administrators. Controllers call core modules' services and map domain errors to field messages.
 */
@org.springframework.modulith.ApplicationModule
package dev.parley.web;
