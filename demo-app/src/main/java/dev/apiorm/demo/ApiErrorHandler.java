package dev.apiorm.demo;

import java.util.Map;

import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.DoesNotExistException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns api-orm exceptions into HTTP answers: a missing record is 404, an upstream
 * failure 502.
 */
@RestControllerAdvice
class ApiErrorHandler {

	@ExceptionHandler(DoesNotExistException.class)
	ResponseEntity<Map<String, String>> notFound(DoesNotExistException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", ex.getMessage()));
	}

	@ExceptionHandler(ApiHttpException.class)
	ResponseEntity<Map<String, Object>> upstream(ApiHttpException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(Map.of("detail", "The upstream API answered " + ex.statusCode()));
	}

}
