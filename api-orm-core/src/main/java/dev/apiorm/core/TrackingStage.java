package dev.apiorm.core;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.WindowRead;

/**
 * The second stage: remembers each instance a page hands out (the records in the window,
 * not those read only to be counted or read as maps of values), so that saving one sends
 * only what changed. Only when saves send changed fields: a page carries no {@code ETag}
 * per record, so optimistic locking alone has nothing to remember of them.
 */
final class TrackingStage implements PageStage {

	private final ChangeTracker tracker;

	private final boolean enabled;

	/**
	 * The stage.
	 * @param tracker the client's tracker
	 * @param enabled whether saves send changed fields
	 */
	TrackingStage(ChangeTracker tracker, boolean enabled) {
		this.tracker = tracker;
		this.enabled = enabled;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		if (!this.enabled || !read.handedOut()) {
			return null;
		}
		// Handed-out records are instances of the read's model.
		ApiPersistentEntity<R> entity = (ApiPersistentEntity<R>) read.entity();
		return (page) -> {
			List<R> records = page.records();
			this.tracker.trackAll(entity, records);
			return Mono.just(page);
		};
	}

	@Override
	public String toString() {
		return "TrackingStage[" + (this.enabled ? "on" : "off") + "]";
	}

}
