/**
 * Small shared vocabulary every module may use: domain errors that adapters map to their
 * protocol's codes (problem details, field messages, SIP responses) and a page of results.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.parley.common;
