package dev.apiorm.conformance.schema.good;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.conformance.Member;

/**
 * Derived queries whose every parameter the DRF server declares.
 */
public interface MemberQueries extends ApiRepository<Member> {

	List<Member> findByNameAndAgeGreaterThan(String name, int age);

	List<Member> findByActiveOrderByName(boolean active);

	long countByRoleIn(List<String> roles);

}
