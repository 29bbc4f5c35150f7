package dev.apiorm.test.example;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

import dev.apiorm.GetOrCreateResult;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiServerException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ValidationException;

/**
 * The README's complete example: a service that uses the repository.
 */
@Service
public class Onboarding {

	private static final Log log = LogFactory.getLog(Onboarding.class);

	private final UserApi users;

	public Onboarding(UserApi users) {
		this.users = users;
	}

	public User onboard(String email, String name) {
		try {
			GetOrCreateResult<User> result = this.users.getOrCreate(Map.of("email", email), Map.of("name", name));
			User user = result.object();
			user.setRole("member");
			return this.users.save(user, "role"); // PATCH /api/v1/users/7/
													// {"role":"member"}
		}
		catch (ValidationException ex) { // client-side: nothing was sent
			throw new IllegalArgumentException(ex.fieldErrors().toString(), ex);
		}
		catch (BadRequestException ex) { // the API's 400, DRF field errors
			log.warn("rejected: " + ex.fieldErrors());
			throw ex;
		}
		catch (ApiTimeoutException | ApiConnectionException | ApiServerException ex) {
			throw new IllegalStateException("users API unavailable, try again later", ex);
		}
	}

}
