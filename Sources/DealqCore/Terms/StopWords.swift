/// The English stop words `terms` leaves out, alone and in phrases. A word is
/// left out when its stem (as the full-text index stems it) is the stem of one
/// of these, so the index's own counts can be filtered without the text.
///
/// The list is the common English one (articles, pronouns, auxiliaries,
/// prepositions, conjunctions, the pieces contractions split into), without
/// the words whose stem a content word shares: `us` (the stem of "use",
/// "used", "using"), `own` ("owned", "owning") and `will` ("willing").
enum StopWords {
    static let words: [String] = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "d", "did", "do", "does", "doing", "don", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "ll", "m", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
        "re", "s", "same", "shall", "she", "should", "so", "some", "such", "t", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "ve", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "with", "would", "you", "your", "yours", "yourself", "yourselves",
    ]
}
