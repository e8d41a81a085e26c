/**
 * Status monitoring: live figures of the center, each queue and medium (agents by state, contacts waiting,
 * oldest wait, estimated wait with its measured accuracy, service level, abandonment), computed incrementally
 * from the broker's events. Wait estimators sit behind one interface ({@link dev.parley.status.WaitEstimator})
 * and are chosen per queue by their measured error; a simulator drives the same estimator code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "routing", "agent", "identity", "presence" })
package dev.parley.status;
