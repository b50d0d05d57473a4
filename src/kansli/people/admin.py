from django.contrib import admin

from kansli.core.admin_base import AuditedAdmin, ReadOnlyAdmin

from .models import Body, Membership, Official, Organization, Party, Person, Term


@admin.register(Body)
class BodyAdmin(AuditedAdmin[Body]):
    list_display = ("name", "short_name", "case_number_format", "party_order")


@admin.register(Party)
class PartyAdmin(AuditedAdmin[Party]):
    list_display = ("code", "name")


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin[Organization]):
    list_display = ("name", "kind", "body", "parent")
    list_filter = ("kind", "body")
    search_fields = ("name",)


@admin.register(Term)
class TermAdmin(AuditedAdmin[Term]):
    list_display = ("name", "start", "end", "body")


@admin.register(Person)
class PersonAdmin(AuditedAdmin[Person]):
    list_display = ("last_name", "first_name", "party", "email")
    list_filter = ("party",)
    search_fields = ("first_name", "last_name")


@admin.register(Official)
class OfficialAdmin(AuditedAdmin[Official]):
    list_display = ("name", "unit", "title", "user")
    search_fields = ("name", "unit")


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin[Membership]):
    list_display = ("person", "organization", "role", "start", "end", "substitute_order")
    list_filter = ("organization", "role")
    search_fields = ("person__first_name", "person__last_name")
