package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apiorm.core.proof.WindowTally;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.RecordFields;

/**
 * Holds each iteration of a window to its envelope ({@link WindowTally}): it ends with
 * the number of records the first page's total announced, and no page repeats the one
 * before. A window that does not is an {@link dev.apiorm.exception.ApiDecodeException}
 * naming the dialect, after the records of the pages before (which {@code stream()} has
 * already delivered; {@code list()} delivers nothing).
 */
public final class TallyStage implements PageStage {

	private final Dialect dialect;

	private final boolean enabled;

	/**
	 * The stage.
	 * @param dialect named in messages
	 * @param enabled whether results are verified at all
	 */
	public TallyStage(Dialect dialect, boolean enabled) {
		this.dialect = dialect;
		this.enabled = enabled;
	}

	@Override
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		RecordFields<R> fields = read.fields();
		if (!this.enabled || fields == null) {
			return null;
		}
		RecordFields.Field<R> id = fields.field(read.entity().getIdWireName());
		WindowTally<R> tally = new WindowTally<>(
				read.entity().getModelName() + " " + read.operation() + " (" + this.dialect.name() + ")", read.query(),
				(record) -> (id != null) ? id.get(record) : null);
		return (page) -> {
			tally.page(page.records(), page.page().count(), page.first());
			if (page.last()) {
				tally.end();
			}
			return Mono.just(page);
		};
	}

	@Override
	public String toString() {
		return "TallyStage[" + (this.enabled ? "on" : "off") + "]";
	}

}
