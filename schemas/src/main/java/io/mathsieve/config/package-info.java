/** Typed configuration: options with defaults and descriptions, user settings, fingerprints. */
package io.mathsieve.config;
