/**
 * Vertex AI access for nasql: one JobServiceClient per location, the sync that mirrors
 * NasJobs into the inventory, and the write-through of create, delete and cancel.
 */
package io.nasql.sync;
