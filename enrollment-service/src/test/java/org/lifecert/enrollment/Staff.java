package org.lifecert.enrollment;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.lifecert.testing.TestTokens;

/** Signed-in staff of two bureaus, as request specifications. */
public final class Staff {

    public static final String BUREAU_A = "bureau-a";
    public static final String BUREAU_B = "bureau-b";

    private Staff() {
    }

    public static RequestSpecification as(String user, String bureau, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, bureau, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification clerkA() {
        return as("clerk-a", BUREAU_A, "clerk");
    }

    public static RequestSpecification clerkB() {
        return as("clerk-b", BUREAU_B, "clerk");
    }

    public static RequestSpecification reviewerA() {
        return as("reviewer-a", BUREAU_A, "reviewer");
    }

    public static RequestSpecification reviewerB() {
        return as("reviewer-b", BUREAU_B, "reviewer");
    }

    public static RequestSpecification adminB() {
        return as("admin-b", BUREAU_B, "admin");
    }

    /** Enrols a valid person in bureau A and returns its id. */
    public static String enrolInA(Object form) {
        return clerkA().body(form).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }
}
