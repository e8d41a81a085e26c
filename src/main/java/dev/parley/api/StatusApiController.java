package dev.parley.api;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.Medium;
import dev.parley.status.CenterStatus;
import dev.parley.status.EstimatorScore;
import dev.parley.status.QueueStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The center's live status, as a whole and per queue, for every signed-in client. */
@RestController
@Tag(name = "Status", description = "Live figures of the center and its queues: agents, contacts waiting, "
		+ "estimated wait with its measured accuracy, service level, abandonment, media open now.")
class StatusApiController {

	record Range(long low, long high) {
	}

	record Accuracy(String estimator, long samples, double rase, double mae) {
	}

	record StatusView(String queue, String medium, int agentsLoggedIn, int agentsAvailable, int agentsBusy,
			int agentsWrapUp, int agentsNotReady, int contactsWaiting, long oldestWaitSeconds, Long estimatedWaitSeconds,
			Range estimatedWaitRange, Double serviceLevel, Double abandonRate, Double serviceLevelToday,
			Double abandonRateToday, Double averageHandleSeconds, List<String> mediaOpen, String estimator,
			List<Accuracy> accuracy, List<StatusView> media) {

		static StatusView of(QueueStatus s, List<StatusView> media) {
			return new StatusView(s.queue(), s.medium() == null ? null : BrokerViews.token(s.medium().name()),
					s.agentsLoggedIn(), s.agentsAvailable(), s.agentsBusy(), s.agentsWrapUp(), s.agentsNotReady(),
					s.contactsWaiting(), s.oldestWaitSeconds(), s.estimatedWaitSeconds(),
					s.estimatedWaitRange() == null ? null
							: new Range(s.estimatedWaitRange().low(), s.estimatedWaitRange().high()),
					s.serviceLevel(), s.abandonRate(), s.serviceLevelToday(), s.abandonRateToday(),
					s.averageHandleSeconds(), tokens(s.mediaOpen()), s.estimator(),
					s.accuracy().stream().map(a -> new Accuracy(a.estimator(), a.samples(), a.rase(), a.mae())).toList(),
					media);
		}

		private static List<String> tokens(Set<Medium> media) {
			return media.stream().sorted().map(m -> BrokerViews.token(m.name())).toList();
		}
	}

	private final CenterStatus status;

	StatusApiController(CenterStatus status) {
		this.status = status;
	}

	@GetMapping("/api/v1/status")
	@Operation(operationId = "getCenterStatus", summary = "Read the center's live status", description = """
			The whole center now: agents signed in, available (ready with free capacity), busy, in wrap-up and \
			not ready; contacts waiting and the oldest wait; the estimated wait for a contact arriving now at the \
			default queue (seconds, with a range the measured error supports; null when nobody serves it); \
			service level (share answered within each queue's target) and abandonment for the last 15 minutes \
			and today; average handle time; and the media open now (opening hours and agents with capacity). \
			Counts start afresh when Parley restarts. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The center's figures.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "status", summary = "a busy afternoon",
					value = ApiExamples.CENTER_STATUS)))
	StatusView center() {
		return StatusView.of(status.center(), List.of());
	}

	@GetMapping("/api/v1/status/queues/{key}")
	@Operation(operationId = "getQueueStatus", summary = "Read one queue's live status", description = """
			One queue now, as a whole and per medium it serves (`media`): the same figures as the center's, the \
			estimator the queue shows (`estimator`: ql, ql-abandonment, les, hol or moving-average, whichever \
			has the lowest measured error) and every estimator's measured accuracy (`accuracy`: RASE and mean \
			absolute error in seconds over the contacts scored). Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The queue's figures.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queue", summary = "the support queue",
					value = ApiExamples.QUEUE_STATUS)))
	@ProblemAnswers(notFound = "No queue has this key.", subject = "queue")
	StatusView queue(@Parameter(description = "The queue's key.", example = "support") @PathVariable String key) {
		var media = status.lanes(key).stream().map(s -> StatusView.of(s, List.of())).toList();
		return StatusView.of(status.queue(key), media);
	}
}
