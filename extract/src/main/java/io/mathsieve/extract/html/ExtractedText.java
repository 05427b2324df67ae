package io.mathsieve.extract.html;

import io.mathsieve.schemas.FormulaCounts;

/**
 * The text of one page, as extracted.
 *
 * @param title the document title
 * @param text readable text, formulas as LaTeX
 * @param languageInput text outside formulas, capped, for language identification
 * @param formulas formulas found, by markup kind
 * @param hasMathMarkup whether any math markup (or a MathJax/KaTeX loader) was seen
 * @param droppedBlocks blocks dropped as navigation for their link density
 */
public record ExtractedText(
    String title, String text, String languageInput, FormulaCounts formulas, boolean hasMathMarkup, int droppedBlocks) {}
