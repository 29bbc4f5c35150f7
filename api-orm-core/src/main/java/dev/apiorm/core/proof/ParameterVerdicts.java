package dev.apiorm.core.proof;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What one client has learnt of the parameters its API honours, per endpoint and
 * parameter as sent ({@code age__gte}, {@code ordering}): a proof costs a few requests
 * once, not on every answer that needs it. A parameter is honoured when an answer showed
 * that the API applies it as the query means it; ignored when an answer showed that it
 * does not. Thread-safe; the first verdict of a parameter stands (an API does not change
 * its reading of a parameter while a client runs).
 */
public final class ParameterVerdicts {

	/**
	 * A verdict on a parameter.
	 */
	public enum Verdict {

		/** The API applies the parameter as the query means it. */
		HONOURED,

		/** The API ignores the parameter, or reads it as something else. */
		IGNORED

	}

	private final Map<Key, Verdict> verdicts = new ConcurrentHashMap<>();

	/**
	 * The verdict on a parameter of an endpoint.
	 * @param endpoint the collection's path
	 * @param parameter the parameter as sent
	 * @return the verdict, {@code null} when none was reached yet
	 */
	public @Nullable Verdict get(String endpoint, String parameter) {
		return this.verdicts.get(new Key(endpoint, parameter));
	}

	/**
	 * Records a verdict, unless one was reached before.
	 * @param endpoint the collection's path
	 * @param parameter the parameter as sent
	 * @param verdict the verdict
	 * @return the verdict that stands
	 */
	public Verdict record(String endpoint, String parameter, Verdict verdict) {
		Verdict before = this.verdicts.putIfAbsent(new Key(endpoint, parameter), verdict);
		return (before != null) ? before : verdict;
	}

	/**
	 * Whether every one of some parameters is known to be honoured.
	 * @param endpoint the collection's path
	 * @param parameters the parameters as sent
	 * @return {@code true} when each is honoured
	 */
	public boolean allHonoured(String endpoint, Iterable<String> parameters) {
		for (String parameter : parameters) {
			if (get(endpoint, parameter) != Verdict.HONOURED) {
				return false;
			}
		}
		return true;
	}

	/**
	 * How many verdicts were reached.
	 * @return the number of verdicts
	 */
	public int size() {
		return this.verdicts.size();
	}

	private record Key(String endpoint, String parameter) {
	}

}
