/** Explicitly seeded hashing for everything mathsieve persists. */
package io.mathsieve.hash;
