"""factory_boy factories for objects without domain rules (accounts). Domain objects are
built through their services in the fixtures and tests."""

import factory

from kansli.core.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    password = factory.django.Password("kansli-test-lösen")
