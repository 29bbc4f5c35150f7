package dev.apiorm.test.docs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.WindowRead;

/**
 * The page stage of {@code docs/page-pipeline.md}: counts the instances each model's
 * reads hand out.
 */
// tag::page-stage[]
class HandedOutRecords implements PageStage {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		if (!read.handedOut()) {
			return null; // counts, existence and values hand out no instances
		}
		LongAdder count = this.counts.computeIfAbsent(read.entity().getModelName(), (model) -> new LongAdder());
		return (page) -> {
			count.add(page.records().size()); // the records of the page in the window
			return Mono.just(page);
		};
	}

	long of(String model) {
		LongAdder count = this.counts.get(model);
		return (count != null) ? count.sum() : 0;
	}

}
// end::page-stage[]
