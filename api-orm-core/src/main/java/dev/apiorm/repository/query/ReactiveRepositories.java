package dev.apiorm.repository.query;

import java.util.List;
import java.util.Set;

import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.ReactiveQueryByExampleExecutor;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.data.repository.reactive.ReactiveSortingRepository;

import dev.apiorm.ReactiveApiRepository;

/**
 * Which repository interfaces are reactive: served by the reactive base class, their
 * derived queries by reactive queries.
 */
public final class ReactiveRepositories {

	private static final List<Class<?>> REACTIVE_INTERFACES = List.of(ReactiveApiRepository.class,
			ReactiveCrudRepository.class, ReactiveSortingRepository.class, ReactiveQueryByExampleExecutor.class);

	/** By name: the Kotlin interfaces cannot be loaded without the Kotlin runtime. */
	private static final Set<String> COROUTINE_INTERFACES = Set.of(
			"org.springframework.data.repository.kotlin.CoroutineCrudRepository",
			"org.springframework.data.repository.kotlin.CoroutineSortingRepository");

	private ReactiveRepositories() {
	}

	/**
	 * Whether a repository interface is served by the reactive base class: it extends
	 * {@link ReactiveApiRepository}, one of Spring Data's reactive repository interfaces,
	 * or one of its Kotlin coroutine interfaces (whose {@code suspend} and {@code Flow}
	 * methods Spring Data adapts to the reactive ones).
	 * @param metadata the repository
	 * @return {@code true} for the reactive base class
	 */
	public static boolean isReactive(RepositoryMetadata metadata) {
		Class<?> repository = metadata.getRepositoryInterface();
		for (Class<?> reactive : REACTIVE_INTERFACES) {
			if (reactive.isAssignableFrom(repository)) {
				return true;
			}
		}
		return extendsNamed(repository, COROUTINE_INTERFACES);
	}

	private static boolean extendsNamed(Class<?> type, Set<String> names) {
		if (names.contains(type.getName())) {
			return true;
		}
		for (Class<?> parent : type.getInterfaces()) {
			if (extendsNamed(parent, names)) {
				return true;
			}
		}
		return false;
	}

}
