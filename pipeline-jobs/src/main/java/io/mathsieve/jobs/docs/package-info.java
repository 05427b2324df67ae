/** Reference documentation generated from the code: store schemas, drop reasons, configuration keys. */
package io.mathsieve.jobs.docs;
