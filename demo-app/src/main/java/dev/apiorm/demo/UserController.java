package dev.apiorm.demo;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves users from the remote API without blocking: one by id, or a filtered collection
 * streamed page by page from the reactive query set.
 */
@RestController
class UserController {

	private final ReactiveUserApi users;

	UserController(ReactiveUserApi users) {
		this.users = users;
	}

	@GetMapping("/users/{id}")
	Mono<User> user(@PathVariable long id) {
		return this.users.get(id);
	}

	@GetMapping("/users")
	Flux<User> users(@RequestParam(required = false) @Nullable Boolean active) {
		return (active != null) ? Flux.from(this.users.filter("active", active).orderBy("id"))
				: Flux.from(this.users.orderBy("id"));
	}

}
