package dev.apiorm.conformance.schema.bad;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.conformance.Member;

/**
 * A derived query that sends a parameter the DRF server does not declare.
 */
public interface BadQueries extends ApiRepository<Member> {

	List<Member> findByEmailContaining(String part);

}
