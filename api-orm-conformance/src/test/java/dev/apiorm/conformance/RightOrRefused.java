package dev.apiorm.conformance;

import java.util.function.Supplier;

import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.UnsupportedQueryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The promise of verified results, as a test states it: an operation either answers what
 * the server holds (the truth, computed from the dataset without api-orm) or is refused
 * with one of the exceptions that say why; never another answer.
 */
public final class RightOrRefused {

	private RightOrRefused() {
	}

	/**
	 * Runs an operation and holds it to the truth.
	 * @param what names the operation in a failure
	 * @param operation the operation
	 * @param truth what the server holds
	 * @return {@code true} when it answered, {@code false} when it was refused
	 */
	public static <T> boolean check(String what, Supplier<T> operation, T truth) {
		Object[] answer = new Object[1];
		Throwable refused = catchThrowable(() -> answer[0] = operation.get());
		if (refused == null) {
			assertThat(answer[0]).as(what + " answered").isEqualTo(truth);
			return true;
		}
		assertThat(refused).as(what + " refused")
			.isInstanceOfAny(IgnoredFilterException.class, ApiDecodeException.class, UnsupportedQueryException.class);
		return false;
	}

}
