/**
 * The embeddable chat widget's sessions: a visitor who is not signed in fills in a pre-chat form (name, e-mail,
 * topic) on a company's own page; Parley finds the customer who gave that e-mail address, or opens a customer
 * record for them, starts a chat, and hands the page a token that reaches that one chat and nothing else of the
 * customer (a visitor's e-mail is not proof of who they are; the agent sees that the contact came unverified).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "customer", "routing", "identity" })
package dev.parley.widget;
