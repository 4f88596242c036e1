package dev.policygen.generate;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs statements that each fit the limit into as few documents as first-fit decreasing finds:
 * largest statement first, each into the first document with room. The guarantee: at most one
 * document is half full or less (a statement only opens a document when it fits in none before),
 * and the count is at most 11/9 of the fewest possible plus one (Dósa's bound for first-fit
 * decreasing). Within a document statements keep the generator's order, and documents are ordered by
 * their first statement, so the same request always gives the same documents.
 *
 * <p>Sizes are added up rather than measured per trial: a minified document is its fixed envelope,
 * its statements, and one comma between each two, so a document's size is exactly the sum. The
 * packager still measures every finished document against the limit.
 */
final class FirstFitPacking {
    private FirstFitPacking() {
    }

    /** {@code pieces}, each alone within {@code limit} characters, packed into documents. */
    static List<List<Statement>> pack(List<Statement> pieces, int limit) {
        int envelope = PolicyWriter.size(PolicyDocument.of(List.of()));
        int capacity = limit - envelope + 1;
        int[] weight = new int[pieces.size()];
        Integer[] order = new Integer[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            // the statement's own characters plus the comma that separates it from the next
            weight[i] = PolicyWriter.size(PolicyDocument.of(List.of(pieces.get(i)))) - envelope + 1;
            order[i] = i;
        }
        sortByWeightDescending(order, weight);
        List<List<Integer>> documents = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (Integer piece : order) {
            int target = -1;
            for (int d = 0; d < documents.size() && target < 0; d++) {
                if (used.get(d) + weight[piece] <= capacity) {
                    target = d;
                }
            }
            if (target < 0) {
                documents.add(new ArrayList<>());
                used.add(0);
                target = documents.size() - 1;
            }
            documents.get(target).add(piece);
            used.set(target, used.get(target) + weight[piece]);
        }
        for (List<Integer> document : documents) {
            sortAscending(document);
        }
        // by first statement: insertion sort, documents are few
        for (int i = 1; i < documents.size(); i++) {
            for (int j = i; j > 0 && documents.get(j - 1).get(0) > documents.get(j).get(0); j--) {
                documents.set(j, documents.set(j - 1, documents.get(j)));
            }
        }
        List<List<Statement>> packed = new ArrayList<>();
        for (List<Integer> document : documents) {
            List<Statement> statements = new ArrayList<>();
            for (Integer piece : document) {
                statements.add(pieces.get(piece));
            }
            packed.add(statements);
        }
        return packed;
    }

    /** Heaviest first, ties in the original order; a stable merge sort without comparators (no lambdas). */
    private static void sortByWeightDescending(Integer[] order, int[] weight) {
        Integer[] scratch = new Integer[order.length];
        for (int width = 1; width < order.length; width *= 2) {
            for (int from = 0; from < order.length; from += 2 * width) {
                int middle = Math.min(from + width, order.length);
                int to = Math.min(from + 2 * width, order.length);
                int left = from;
                int right = middle;
                for (int k = from; k < to; k++) {
                    boolean takeLeft = right >= to || (left < middle && weight[order[left]] >= weight[order[right]]);
                    scratch[k] = takeLeft ? order[left++] : order[right++];
                }
            }
            System.arraycopy(scratch, 0, order, 0, order.length);
        }
    }

    private static void sortAscending(List<Integer> values) {
        for (int i = 1; i < values.size(); i++) {
            for (int j = i; j > 0 && values.get(j - 1) > values.get(j); j--) {
                values.set(j, values.set(j - 1, values.get(j)));
            }
        }
    }
}
