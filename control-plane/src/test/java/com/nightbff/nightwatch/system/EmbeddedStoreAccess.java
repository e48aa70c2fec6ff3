package com.nightbff.nightwatch.system;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import org.springframework.context.ApplicationContext;

/** Lets tests in other packages stop the plane's embedded store, which the plane keeps to itself. */
public final class EmbeddedStoreAccess {

    private EmbeddedStoreAccess() {
    }

    public static EmbeddedPostgres of(ApplicationContext context) {
        return context.getBean(StoreConfig.EmbeddedStore.class).postgres();
    }
}
