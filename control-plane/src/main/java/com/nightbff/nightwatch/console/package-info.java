/**
 * The web console: Thymeleaf controllers and the view models they fill from feature APIs. No
 * business logic lives here; a page only shows what a feature knows, with its evidence, and
 * sends actions back to the feature that owns them.
 */
package com.nightbff.nightwatch.console;
