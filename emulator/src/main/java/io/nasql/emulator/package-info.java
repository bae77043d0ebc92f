/**
 * A local stand-in for the NAS methods of Vertex AI's JobService, served over real gRPC so
 * that the unchanged {@code google-cloud-aiplatform} client talks to it as to Google.
 */
package io.nasql.emulator;
