package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void theRankedListGivesSpringsHierarchyTheStoredFormAndNesting() {
        assertThat(Roles.hierarchy()).isEqualTo("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
        assertThat(Roles.toAuthorities(List.of(Roles.ADMIN, Roles.VIEWER))).isEqualTo("ROLE_ADMIN,ROLE_VIEWER");
        assertThat(Roles.fromAuthorities("ROLE_ADMIN,ROLE_VIEWER")).containsExactly(Roles.ADMIN, Roles.VIEWER);
        assertThat(Roles.covers(List.of(Roles.OPERATOR), Roles.VIEWER)).isTrue();
        assertThat(Roles.covers(List.of(Roles.OPERATOR), Roles.ADMIN)).isFalse();
        assertThat(Roles.covers(List.of(Roles.VIEWER), "NOBODY")).isFalse();
        assertThat(Roles.ALL).containsExactlyInAnyOrder(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);
    }
}
