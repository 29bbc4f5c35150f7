package dev.apiorm.demo;

import java.util.List;
import java.util.Map;

import dev.apiorm.GetOrCreateResult;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadRequestException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Runs the documentation's complete example at start-up and logs each step: concurrent
 * creates, a filtered list, concurrent counts, a one-field PATCH, a delete, and the error
 * a server-side validation failure gives. It runs against the embedded upstream only,
 * unless asked with {@code demo.walk-through=true}: pointed at a real API, the demo never
 * writes to it by itself.
 */
@Component
@ConditionalOnExpression("${demo.walk-through:${demo.sample-upstream:false}}")
class WalkThrough implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(WalkThrough.class);

	private final UserApi users;

	private final ReactiveUserApi reactiveUsers;

	WalkThrough(UserApi users, ReactiveUserApi reactiveUsers) {
		this.users = users;
		this.reactiveUsers = reactiveUsers;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			walk();
		}
		catch (ApiException ex) {
			ApiException unreachable = unreachable(ex);
			if (unreachable == null) {
				throw ex;
			}
			// One line, not a start-up failure with a stack trace: the API is not there.
			logger.error("The walk-through stopped: the API cannot be reached (" + unreachable.getMessage() + ")");
		}
	}

	private static @Nullable ApiException unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiConnectionException || cause instanceof ApiTimeoutException) {
				return (ApiException) cause;
			}
		}
		return null;
	}

	private void walk() {
		step("1. Create three users concurrently (reactive, bounded concurrency)");
		List<User> created = this.reactiveUsers
			.bulkCreate(List.of(new User("Alice", "alice@example.com", "admin", 34, true),
					new User("Bob", "bob@example.com", "member", 27, true),
					new User("Carol", "carol@example.com", "member", 41, false)))
			.collectList()
			.blockOptional()
			.orElseThrow();
		// The POSTs run at once, so the API numbers the users in the order they arrive:
		// no step prints an id, and every run prints the same lines.
		logger.info("   created " + String.join(", ", created.stream().map(WalkThrough::describe).toList()));

		step("2. List the active users: users.filter(\"active\", true).orderBy(\"name\").list()");
		this.users.filter("active", true).orderBy("name").list().forEach((user) -> logger.info("   " + describe(user)));

		step("3. Count all and active users concurrently: Mono.zip(count(), countByActive(true))");
		Mono.zip(this.reactiveUsers.count(), this.reactiveUsers.countByActive(true))
			.doOnNext((counts) -> logger.info("   all=" + counts.getT1() + " active=" + counts.getT2()))
			.block();

		step("4. Change one email with a one-field PATCH: users.save(user, \"email\")");
		User bob = this.users.findByEmail("bob@example.com").orElseThrow();
		bob.setEmail("robert@example.com");
		this.users.save(bob, "email");
		logger.info("   now " + describe(this.users.refresh(bob)));

		step("5. getOrCreate: an existing match is returned, nothing is created");
		GetOrCreateResult<User> alice = this.users.getOrCreate(Map.of("email", "alice@example.com"),
				Map.of("name", "Alice"));
		logger.info("   created=" + alice.created() + " object=" + describe(alice.object()));

		step("6. The API's validation errors arrive as BadRequestException with field errors");
		try {
			this.users.create(new User("Mallory", "alice@example.com", "member", 30, true));
		}
		catch (BadRequestException ex) {
			logger.info("   HTTP " + ex.statusCode() + " fieldErrors=" + ex.fieldErrors());
		}

		step("7. Delete a user: users.delete(carol)");
		User carol = this.users.get("email", "carol@example.com");
		this.users.delete(carol);
		logger.info("   remaining: " + this.users.all().orderBy("name").list().stream().map(User::getName).toList());
		step("Walk-through done. Try GET /users?active=true, /users/{id} and /actuator/health");
	}

	private static String describe(User user) {
		return user.getName() + " <" + user.getEmail() + ">" + (user.isActive() ? "" : " (inactive)");
	}

	private static void step(String text) {
		logger.info(text);
	}

}
