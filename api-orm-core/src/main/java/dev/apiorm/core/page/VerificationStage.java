package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.RecordFields;

/**
 * The first stage: checks every record of every page (those of the page outside the
 * window too) against the query's condition, and each record against the one before it,
 * across pages, against its ordering (see {@code api-orm.verify-results}). A
 * contradiction ends the iteration with an
 * {@link dev.apiorm.exception.IgnoredFilterException} naming the parameter the API
 * ignored, before the page's records reach the caller.
 */
public final class VerificationStage implements PageStage {

	private final Dialect dialect;

	private final boolean enabled;

	/**
	 * The stage.
	 * @param dialect names the parameters the API ignored as they were sent
	 * @param enabled whether results are verified at all
	 */
	public VerificationStage(Dialect dialect, boolean enabled) {
		Assert.notNull(dialect, "dialect must not be null");
		this.dialect = dialect;
		this.enabled = enabled;
	}

	@Override
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		RecordFields<R> fields = read.fields();
		if (!this.enabled || fields == null) {
			return null;
		}
		ResultVerifier<R> verifier = ResultVerifier.of(read.entity(), this.dialect, read.query(), fields);
		if (verifier == null) {
			return null;
		}
		return (page) -> {
			verifier.check(page.page().records());
			return Mono.just(page);
		};
	}

	@Override
	public String toString() {
		return "VerificationStage[" + (this.enabled ? "on" : "off") + "]";
	}

}
