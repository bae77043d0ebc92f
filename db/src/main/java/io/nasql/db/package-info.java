/**
 * The local inventory of NasJobs: an H2 database named {@code google} whose schema
 * {@code aiplatform} mirrors {@code google.aiplatform.nas_jobs}, migrated by Flyway and
 * written through jOOQ code generated from the same migrations.
 */
package io.nasql.db;
