/**
 * Chat: the messages of a chat interaction, both ways, each stored before it is acknowledged with a sequence
 * number per interaction given by a conditional write (so a client that reconnects asks for what follows the
 * last number it has, and gets exactly that); delivered and read receipts; typing (not stored); the transcript
 * history keeps. Who may write is asked of routing: the interaction's customer, and its agent once connected.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "routing" })
package dev.parley.chat;
