package dev.apiorm.demo;

import dev.apiorm.ReactiveApiRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive repository of users, with derived queries.
 */
public interface ReactiveUserApi extends ReactiveApiRepository<User> {

	Mono<User> findByEmail(String email);

	Flux<User> findByActive(boolean active);

	Mono<Long> countByActive(boolean active);

}
