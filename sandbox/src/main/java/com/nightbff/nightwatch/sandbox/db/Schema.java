package com.nightbff.nightwatch.sandbox.db;

/** NightBFF's tables as far as the journeys need them. */
final class Schema {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS users (
              id bigserial PRIMARY KEY,
              email text NOT NULL UNIQUE,
              password_hash text NOT NULL,
              display_name text NOT NULL,
              lat double precision NOT NULL,
              lng double precision NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS interests (
              id serial PRIMARY KEY,
              name text NOT NULL UNIQUE,
              category text NOT NULL);
            CREATE TABLE IF NOT EXISTS user_interests (
              user_id bigint NOT NULL REFERENCES users(id),
              interest_id int NOT NULL REFERENCES interests(id),
              PRIMARY KEY (user_id, interest_id));
            CREATE INDEX IF NOT EXISTS user_interests_interest ON user_interests(interest_id);
            CREATE TABLE IF NOT EXISTS venues (
              id bigserial PRIMARY KEY,
              name text NOT NULL,
              category text NOT NULL,
              lat double precision NOT NULL,
              lng double precision NOT NULL,
              popularity int NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
              id bigserial PRIMARY KEY,
              title text NOT NULL,
              venue_id bigint NOT NULL REFERENCES venues(id),
              starts_at timestamptz NOT NULL,
              attendee_count int NOT NULL);
            CREATE INDEX IF NOT EXISTS events_starts_at ON events(starts_at);
            CREATE TABLE IF NOT EXISTS plans (
              id bigserial PRIMARY KEY,
              user_id bigint NOT NULL REFERENCES users(id),
              destination text NOT NULL,
              city_name text NOT NULL,
              lat double precision NOT NULL,
              lng double precision NOT NULL,
              starts_at timestamptz NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS chats (
              id bigserial PRIMARY KEY,
              title text NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS chat_members (
              chat_id bigint NOT NULL REFERENCES chats(id),
              user_id bigint NOT NULL REFERENCES users(id),
              PRIMARY KEY (chat_id, user_id));
            CREATE INDEX IF NOT EXISTS chat_members_user ON chat_members(user_id);
            CREATE TABLE IF NOT EXISTS messages (
              id bigserial PRIMARY KEY,
              chat_id bigint NOT NULL REFERENCES chats(id),
              sender_id bigint NOT NULL REFERENCES users(id),
              body text NOT NULL,
              sent_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS messages_chat_sent ON messages(chat_id, sent_at DESC);
            CREATE TABLE IF NOT EXISTS notifications (
              id bigserial PRIMARY KEY,
              user_id bigint NOT NULL REFERENCES users(id),
              kind text NOT NULL,
              body text NOT NULL,
              read boolean NOT NULL DEFAULT false,
              created_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS notifications_user ON notifications(user_id, created_at DESC);
            CREATE TABLE IF NOT EXISTS sandbox_seed (
              version int PRIMARY KEY,
              seeded_at timestamptz NOT NULL DEFAULT now());
            """;

    /** Only run when PostGIS could be created; the scan strategy needs none of it. */
    static final String POSTGIS = """
            ALTER TABLE venues ADD COLUMN IF NOT EXISTS geog geography(Point, 4326);
            UPDATE venues SET geog = ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography WHERE geog IS NULL;
            CREATE INDEX IF NOT EXISTS venues_geog ON venues USING gist (geog);
            """;

    private Schema() {
    }
}
