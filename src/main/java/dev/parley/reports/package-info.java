/**
 * Reports: contacts offered, answered and abandoned, waits and handle times with their distributions, service
 * level and ratings, by day, queue, medium, product or agent over a range of days. Kept in its own table of
 * contact facts (one row per contact once it is over), written from the broker's and history's events through
 * the event publication registry, so a report never scans the live tables and a crash loses no fact. Invitations
 * (sent, accepted, declined, expired, how soon answered) are counted from the invitations module's own record of
 * each one, read by sending time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "routing", "history", "catalog", "invitations" })
package dev.parley.reports;
