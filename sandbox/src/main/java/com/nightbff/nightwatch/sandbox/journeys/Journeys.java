package com.nightbff.nightwatch.sandbox.journeys;

/** Picks the API of a service by name. */
public final class Journeys {

    private Journeys() {
    }

    public static Journey forService(JourneyContext ctx) {
        return switch (ctx.service()) {
            case "auth" -> new AuthJourney(ctx);
            case "user" -> new UserJourney(ctx);
            case "plan" -> new PlanJourney(ctx);
            case "event" -> new EventJourney(ctx);
            case "interest" -> new InterestJourney(ctx);
            case "venue" -> new VenueJourney(ctx);
            case "chat" -> new ChatJourney(ctx);
            case "notification" -> new NotificationJourney(ctx);
            default -> throw new IllegalArgumentException("unknown service " + ctx.service());
        };
    }
}
