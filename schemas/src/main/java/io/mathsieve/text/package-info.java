/** Character classes shared by every stage that reads text. */
package io.mathsieve.text;
