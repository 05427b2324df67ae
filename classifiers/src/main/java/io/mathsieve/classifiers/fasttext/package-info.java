/** fastText models through JNI: loading, validation and prediction. */
package io.mathsieve.classifiers.fasttext;
