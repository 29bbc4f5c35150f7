package dev.apiorm.autoconfigure.app;

import dev.apiorm.ReactiveApiRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A declared reactive repository.
 */
public interface ReactivePersonApi extends ReactiveApiRepository<Person> {

	Mono<Person> findByName(String name);

	Flux<Person> findByInPrint(boolean inPrint);

	Mono<Long> countByRole(String role);

	Mono<Boolean> existsByName(String name);

	Flux<Person> findTop5ByRoleOrderByNameAsc(String role);

}
