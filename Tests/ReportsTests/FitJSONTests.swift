import Foundation
import Testing
import Estimation
import SurveyData
@testable import Reports

/// `fit --format json` is an interface other tools read: field names are fixed.
@Suite struct FitJSONTests {
    func object(_ r: ModelResult, notice: String? = nil) throws -> [String: Any] {
        let text = FitJSON.value(r, codebook: Sample.codebook, notice: notice).serialized()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func topLevelFieldsAreExactlyNamed() throws {
        let json = try object(Sample.ologit, notice: "Synthetic data")
        for key in ["model", "n", "converged", "iterations", "loglik", "loglik_null", "lr_chi2", "pseudo_r2",
                    "r2", "aic", "bic", "coefficients", "cutpoints", "omitted", "margins",
                    "dropped", "notes", "adj_r2", "f", "lr_df", "lr_p", "outcome", "formula", "if", "vce", "notice"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["model"] as? String == "ologit")
        #expect(json["n"] as? Int == 3067)
        #expect(json["converged"] as? Bool == true)
        #expect(json["notice"] as? String == "Synthetic data")
        #expect(json["vce"] as? String == "oim")
        #expect(json["r2"] is NSNull)
        #expect(json["bic"] is NSNull) // NaN becomes null
    }

    @Test func nestedFieldsAreExactlyNamed() throws {
        let json = try object(Sample.ologit)
        let coefficient = try #require((json["coefficients"] as? [[String: Any]])?.first)
        for key in ["term", "estimate", "se", "z", "p", "ci_low", "ci_high", "b_std_x", "b_std_y", "b_std_xy"] {
            #expect(coefficient[key] != nil, "missing coefficients.\(key)")
        }
        #expect(coefficient["term"] as? String == "union")
        #expect(coefficient["estimate"] as? Double == 0.262)
        let cut = try #require((json["cutpoints"] as? [[String: Any]])?.first)
        #expect(cut["term"] as? String == "cut1")
        #expect(cut["estimate"] as? Double == 3.514)
        #expect(cut["se"] as? Double == 0.4411)
        let omitted = try #require((json["omitted"] as? [[String: Any]])?.first)
        #expect(omitted["term"] as? String == "educ=3")
        #expect(omitted["reason"] as? String == "collinearity")
        let margin = try #require((json["margins"] as? [[String: Any]])?.first)
        #expect(margin["term"] as? String == "union")
        #expect(margin["outcome"] as? String == "1")
        #expect(margin["at"] as? String == "average")
        #expect(margin["effect"] as? Double == -0.0504)
        #expect(margin["se"] as? Double == 0.0231)
    }

    @Test func olsHasNullLikelihoodRatioFields() throws {
        var r = Sample.ols
        r.coefficients[0].bStdX = .infinity
        let json = try object(r)
        #expect(json["lr_chi2"] is NSNull)
        #expect(json["pseudo_r2"] is NSNull)
        #expect(json["r2"] as? Double == 0.229)
        let coefficient = try #require((json["coefficients"] as? [[String: Any]])?.first)
        #expect(coefficient["b_std_x"] is NSNull)
        #expect(coefficient["b_std_y"] is NSNull)
    }

    @Test func jsonValueEscapesAndFormatsNumbers() {
        #expect(JSONValue.string("a\"b\\c\u{1}").serialized() == #""a\"b\\c\u0001""#)
        #expect(JSONValue.number(3.0).serialized() == "3")
        #expect(JSONValue.number(0.25).serialized() == "0.25")
        #expect(JSONValue.number(Double.nan).serialized() == "null")
        #expect(JSONValue.number(-Double.infinity).serialized() == "null")
        #expect(JSONValue.object([("b", .integer(1)), ("a", .null)]).serialized(pretty: false) == #"{"b":1,"a":null}"#)
    }

    /// Coefficients and cutpoints share their inference fields, in the same order.
    @Test func coefficientAndCutpointObjectsListTheirFieldsInOrder() throws {
        let value = FitJSON.value(Sample.ologit, codebook: Sample.codebook)
        guard case .object(let members) = value,
              case .array(let coefficients)? = members.first(where: { $0.0 == "coefficients" })?.1,
              case .object(let coefficient)? = coefficients.first,
              case .array(let cutpoints)? = members.first(where: { $0.0 == "cutpoints" })?.1,
              case .object(let cut)? = cutpoints.first else {
            Issue.record("coefficients or cutpoints missing"); return
        }
        #expect(coefficient.map(\.0) == ["term", "label", "variable", "level", "estimate", "se", "z", "p",
                                         "ci_low", "ci_high", "b_std_x", "b_std_y", "b_std_xy"])
        #expect(cut.map(\.0) == ["term", "estimate", "se", "z", "p", "ci_low", "ci_high"])
    }
}
