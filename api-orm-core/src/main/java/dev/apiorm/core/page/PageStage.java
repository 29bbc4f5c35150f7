package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One step every page of a window passes through between decoding and the caller, in the
 * order the client's stages are listed: result verification and change tracking are the
 * first two; stages added later (proving empty answers, prefetching relations, caching)
 * plug in beside them without touching the {@link WindowReader}.
 * <p>
 * A stage is shared by every read of its client. {@link #open(WindowRead)} is called once
 * per iteration of a window, before its first page is asked for, and returns the
 * iteration's own {@link Pass} (which may keep state from page to page, such as the last
 * record seen) or {@code null} when the stage has nothing to do for that read. A window
 * asked for again in the paging the server showed is a new iteration.
 */
public interface PageStage {

	/**
	 * This stage's pass over one iteration of a window.
	 * @param read what the iteration reads
	 * @param <R> the record type
	 * @return the pass, {@code null} when the stage has nothing to do for this read
	 */
	<R> @Nullable Pass<R> open(WindowRead<R> read);

	/**
	 * A stage's work on the pages of one iteration, called with each page in order and
	 * never concurrently.
	 *
	 * @param <R> the record type
	 */
	@FunctionalInterface
	interface Pass<R> {

		/**
		 * Works on one page.
		 * @param page the page, as the stages before this one left it
		 * @return the page to hand on (the same one, or one with other records); an error
		 * ends the iteration after the records of the pages before
		 */
		Mono<StagedPage<R>> apply(StagedPage<R> page);

	}

}
