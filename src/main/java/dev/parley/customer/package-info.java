/**
 * Customer: what a customer tells the center about themselves, in four sections each saved on its own
 * with optimistic locking: demographics (with administrator-defined custom attributes), communication
 * capabilities, a personal agenda in the customer's own time zone, and interests with proactive-contact
 * consent. Registration opens the identity account and the profile together.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "common" })
package dev.parley.customer;
